/**
 * Shared variables and the compiled {@link dev.hypatia.shared.Function}: inputs, outputs, updates
 * and givens, compiled with a rewrite mode and a {@link dev.hypatia.shared.Backend}.
 *
 * <p>Not built yet: random streams, optimizers as update rules, save and load, DEBUG mode (see the
 * [shared-vars] issue).
 */
package dev.hypatia.shared;
