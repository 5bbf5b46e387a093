package dev.hypatia.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.hypatia.jvm.asm.AsmGenerator;
import dev.hypatia.jvm.janino.JaninoGenerator;
import dev.hypatia.jvm.lower.Lowering;
import dev.hypatia.jvm.runtime.VectorSupport;
import dev.hypatia.optimize.Mode;
import dev.hypatia.optimize.Optimizer;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.testing.OpSpec;
import dev.hypatia.symbolic.testing.OpSpecs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The classes generated for whole graphs: verified by ASM, and shared by equal structures. */
class GeneratedClassTest {
  @Test
  void everyOpSpecRow_generatesAClassTheVerifierAccepts() {
    for (OpSpec spec : OpSpecs.all()) {
      OpSpec.Case c = spec.sample(0);
      List<Variable> vars = c.variables(false);
      FunctionGraph fg = Optimizer.optimized(vars, c.build(vars), Mode.FAST_RUN);
      for (boolean vectorize : new boolean[] {VectorSupport.available(), false}) {
        String pkg = AsmGenerator.class.getPackageName();
        Backends.verify(AsmGenerator.bytecode(Lowering.lower(fg, vectorize, pkg).classDef()));
      }
    }
  }

  @Test
  void equalStructures_shareOneClass_whateverTheirConstants() {
    Variable x = T.dvector("x");
    CompiledGraph a = JvmLinker.asm().compile(List.of(x), List.of(x.mul(2.0).exp()));
    long defines = ClassCache.defines();
    Variable y = T.dvector("y");
    CompiledGraph b = JvmLinker.asm().compile(List.of(y), List.of(y.mul(3.0).exp()));
    assertEquals(defines, ClassCache.defines(), "the second compile defines no class");
    assertSame(a.programClass(), b.programClass());
    NDArray in = NDArray.of(1.0, 2.0);
    assertEquals(Math.exp(2.0), a.run(in).get(0).flatDouble(0), 0.0);
    assertEquals(Math.exp(3.0), b.run(in).get(0).flatDouble(0), 0.0);
  }

  @Test
  void withoutCache_everyLinkDefinesAClass() {
    Variable x = T.dvector("x");
    JvmLinker linker = JvmLinker.asm().withCache(false);
    CompiledGraph a = linker.compile(List.of(x), List.of(x.sin()));
    CompiledGraph b = linker.compile(List.of(x), List.of(x.sin()));
    assertEquals(false, a.programClass() == b.programClass());
  }

  @Test
  void janinoSource_isTheProgramJaninoCompiles() {
    Variable x = T.dvector("x");
    CompiledGraph f = JvmLinker.janino().compile(List.of(x), List.of(x.exp().sum()));
    assertEquals(JaninoGenerator.PACKAGE, f.programClass().getPackageName());
    String src = f.source();
    assertEquals(true, src.contains("public final class Graph"), src);
    assertEquals(true, src.contains("Math.exp"), src);
  }
}
