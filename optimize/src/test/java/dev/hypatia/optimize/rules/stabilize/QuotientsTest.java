package dev.hypatia.optimize.rules.stabilize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.AdvancedIncSubtensor;
import dev.hypatia.symbolic.ops.AdvancedSubtensor;
import dev.hypatia.symbolic.ops.NN;
import dev.hypatia.symbolic.ops.Reductions;
import dev.hypatia.symbolic.ops.Shapes;
import dev.hypatia.symbolic.print.Printer;
import org.junit.jupiter.api.Test;

class QuotientsTest {
  private final Variable x = T.dvector("x");
  private final Variable g = T.dvector("g");
  private final Variable m = T.dmatrix("m");

  @Test
  void find_takesAChainApartAndRebuildsItOverTheNumerator() {
    Variable s = x.sigmoid();
    Variable chain = Shapes.broadcastTo(g.div(s).neg(), Shapes.shape(x));
    Quotients.Found q = Quotients.find(chain);
    assertNotNull(q);
    assertSame(s, q.denom());
    assertTrue(Printer.pp(q.rebuilt()).contains("-g"), Printer.pp(q.rebuilt()));
    assertNull(Quotients.find(g.exp()));
  }

  @Test
  void find_readsAnIndexedIncIntoZerosOverTheIndexedTarget() {
    Variable p = NN.softmax(m);
    Variable rows = T.lvector("rows");
    Variable labels = T.lvector("labels");
    Variable picked = new AdvancedSubtensor(0).apply(p, rows, labels);
    Variable inc =
        new AdvancedIncSubtensor(0, false)
            .apply(Shapes.zerosLike(p), g.div(picked).neg(), rows, labels);
    Quotients.Found q = Quotients.find(inc);
    assertNotNull(q);
    assertSame(p, q.denom());
    assertEquals(java.util.Optional.empty(), Quotients.ratio(p, q));
    Variable otherLabels = T.lvector("other");
    Variable wrong =
        new AdvancedIncSubtensor(0, false)
            .apply(Shapes.zerosLike(p), g.div(picked), rows, otherLabels);
    assertNull(Quotients.find(wrong));
  }

  @Test
  void ratio_givesSigmoidAndSoftmaxForms() {
    Variable e = x.exp();
    Quotients.Found sig = Quotients.find(g.div(T.add(1, e)));
    assertEquals("sigmoid(x)", Printer.pp(Quotients.ratio(e, sig).get()));
    Variable em = m.exp();
    Quotients.Found soft = Quotients.find(T.dmatrix("h").div(Reductions.sum(em, true, 1)));
    assertEquals("softmax{axis=1}(m)", Printer.pp(Quotients.ratio(em, soft).get()));
    assertNull(Quotients.ratio(x.sigmoid(), sig));
  }
}
