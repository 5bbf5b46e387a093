/**
 * Scalar functions: what {@code Elemwise} maps over tensors and {@code Reduce} folds along axes.
 *
 * <p>{@link dev.hypatia.symbolic.scalar.ScalarOp} is sealed: enum constants {@link
 * dev.hypatia.symbolic.scalar.UnaryFn}, {@link dev.hypatia.symbolic.scalar.BinaryFn} and {@link
 * dev.hypatia.symbolic.scalar.TernaryFn}, the {@link dev.hypatia.symbolic.scalar.Cast} record, and
 * {@link dev.hypatia.symbolic.scalar.Composite}, a small scalar program that fusion builds. Each
 * holds its numpy evaluation and dtype rule only; modules that differentiate or generate code keep
 * tables keyed by these constants.
 */
package dev.hypatia.symbolic.scalar;
