/**
 * Symbolic differentiation: {@link dev.hypatia.grad.Grad} builds gradient graphs (reverse mode, and
 * forward mode through it), from derivative rules kept in tables here, keyed by op class and by
 * scalar function ({@link dev.hypatia.grad.GradRules}); {@code GradCheck} compares them with finite
 * differences.
 *
 * <p>Differentiation never evaluates numbers: a gradient is a graph that prints, rewrites, compiles
 * and differentiates again like any other.
 */
package dev.hypatia.grad;
