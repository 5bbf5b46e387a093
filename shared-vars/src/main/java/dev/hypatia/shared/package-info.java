/**
 * Shared variables and the compiled {@link dev.hypatia.shared.Function}: inputs, outputs, updates
 * and givens, compiled with a rewrite mode and a {@link dev.hypatia.shared.Backend}; DEBUG mode, a
 * NaN guard and profiling; {@link dev.hypatia.shared.RandomStreams} whose state is shared and
 * advanced by calls; {@link dev.hypatia.shared.Optimizers} as update rules; {@link
 * dev.hypatia.shared.GraphFiles} to save and load graphs with their shared values.
 *
 * <p>Not built yet: saving a whole compiled Function, named inputs with default values (see the
 * [shared-vars] issue).
 */
package dev.hypatia.shared;
