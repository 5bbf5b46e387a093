/**
 * The ops of Hypatia's graphs live here: each an immutable value with {@code makeNode} and a
 * reference {@code perform}. {@link dev.hypatia.symbolic.ops.Elemwise} maps a scalar op over
 * broadcast tensors, {@link dev.hypatia.symbolic.ops.Reduce} folds a binary scalar op along axes;
 * the facades {@link dev.hypatia.symbolic.ops.Elementwise} and {@link
 * dev.hypatia.symbolic.ops.Reductions} are the public functions users call.
 */
package dev.hypatia.symbolic.ops;
