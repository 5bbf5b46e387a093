/**
 * Hypatia's property harness, usable from any JUnit 5 test (it needs no JUnit at compile time and
 * fails with {@link java.lang.AssertionError}): seeded generators ({@link
 * dev.hypatia.symbolic.testing.Gen}, {@link dev.hypatia.symbolic.testing.Shapes}, {@link
 * dev.hypatia.symbolic.testing.ArrayGen}), and a runner ({@link
 * dev.hypatia.symbolic.testing.Property}) that reports the seed and shrinks a failing input to a
 * small one.
 *
 * <pre>{@code
 * Property.forAll(ArrayGen.arrays(DType.FLOAT64, Shapes.shapes(0, 3, 0, 4)))
 *     .tries(100)
 *     .check(a -> assertEquals(a.size(), NDArray.sizeOf(a.shape())));
 * }</pre>
 *
 * <p>Generators draw every random choice from a {@link dev.hypatia.symbolic.testing.Source}, which
 * records them. Shrinking works on that record, as Hypothesis does: it deletes and lowers choices
 * and replays the generator, so that every generator, however composed with {@code map}, {@code
 * flatMap} and {@code filter}, shrinks toward smaller sizes and simpler values without a shrinker
 * of its own. A choice of 0 always gives the simplest value: the smallest size, the value nearest
 * to zero, the first option.
 *
 * <p>The op spec table ({@link dev.hypatia.symbolic.testing.OpSpecs#all()}) holds one {@link
 * dev.hypatia.symbolic.testing.OpSpec} row per op and dtype: a generator of cases (inputs from the
 * op's domain and drawn parameters), the derivative order to check and tolerances per dtype. Value,
 * gradient, backend and rewrite checks all iterate over it.
 */
package dev.hypatia.symbolic.testing;
