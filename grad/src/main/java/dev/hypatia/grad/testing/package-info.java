/**
 * Property tests of gradients, on the harness of {@link dev.hypatia.symbolic.testing}: {@link
 * dev.hypatia.grad.testing.GradientProperty} checks a user's function against finite differences
 * over generated inputs; {@link dev.hypatia.grad.testing.GraphGen} generates random well-typed
 * expression graphs ({@link dev.hypatia.grad.testing.RandomGraph}) over the op spec table, with
 * inputs on each op's domain, that shrink toward the smallest graph that still fails.
 *
 * <pre>{@code
 * Property.forAll(GraphGen.differentiable()).tries(500).check(g -> g.verify(GradCheck.options()));
 * }</pre>
 */
package dev.hypatia.grad.testing;
