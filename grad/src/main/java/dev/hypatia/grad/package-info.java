/**
 * Symbolic differentiation: reverse and forward mode, rule tables keyed by op and scalar function,
 * gradient checking, and random graph generators for property tests.
 *
 * <p>Not built yet: see the [grad] issue.
 */
package dev.hypatia.grad;
