/**
 * Shared variables and the compiled {@code Function}: inputs, outputs, updates, givens, random
 * streams and optimizers as update rules.
 *
 * <p>Not built yet: see the [shared-vars] issue.
 */
package dev.hypatia.shared;
