package dev.hypatia.grad.testing;

import dev.hypatia.grad.GradRules;
import dev.hypatia.grad.rules.Unbroadcast;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Elemwise;
import dev.hypatia.symbolic.ops.Reduce;
import dev.hypatia.symbolic.ops.Shapes;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only derivative rules for a few elementwise functions and the sum, registered with {@link
 * GradRules#register} (which overrides Hypatia's own rules while installed), so that graph
 * generation and the gradient property are tested end to end whatever rules exist. Any other
 * function throws, as a missing rule would.
 */
final class StandInRules {
  private StandInRules() {}

  /** Registers the stand-in rules for {@link Elemwise} and {@link Reduce}. */
  static void install() {
    GradRules.register(Elemwise.class, StandInRules::elemwise);
    GradRules.register(Reduce.class, StandInRules::sum);
  }

  /** Removes them, so that Hypatia's own rules (if any) apply again. */
  static void uninstall() {
    GradRules.unregister(Elemwise.class);
    GradRules.unregister(Reduce.class);
  }

  private static List<Variable> elemwise(Apply node, List<Variable> grads) {
    Variable g = grads.get(0);
    Variable x = node.input(0);
    Variable y = node.output(0);
    List<Variable> out = new ArrayList<>();
    Object scalar = ((Elemwise) node.op()).scalar();
    if (scalar instanceof UnaryFn u) {
      out.add(
          switch (u) {
            case EXP -> Elementwise.mul(g, y);
            case SIN -> Elementwise.mul(g, Elementwise.cos(x));
            case TANH -> Elementwise.mul(g, Elementwise.sub(1.0, Elementwise.mul(y, y)));
            case SIGMOID -> Elementwise.mul(g, Elementwise.mul(y, Elementwise.sub(1.0, y)));
            case NEG -> Elementwise.neg(g);
            case LOG -> Elementwise.trueDiv(g, x);
            case SQR -> Elementwise.mul(g, Elementwise.mul(x, 2.0));
            default -> throw missing(u);
          });
      return out;
    }
    if (scalar instanceof BinaryFn b && node.inputs().size() == 2) {
      Variable a = node.input(0);
      Variable c = node.input(1);
      switch (b) {
        case ADD -> {
          out.add(Unbroadcast.to(g, a));
          out.add(Unbroadcast.to(g, c));
        }
        case SUB -> {
          out.add(Unbroadcast.to(g, a));
          out.add(Unbroadcast.to(Elementwise.neg(g), c));
        }
        case MUL -> {
          out.add(Unbroadcast.to(Elementwise.mul(g, c), a));
          out.add(Unbroadcast.to(Elementwise.mul(g, a), c));
        }
        default -> throw missing(b);
      }
      return out;
    }
    throw missing(scalar);
  }

  private static List<Variable> sum(Apply node, List<Variable> grads) {
    Reduce op = (Reduce) node.op();
    if (op.fn() != BinaryFn.ADD) {
      throw missing(op.name());
    }
    Variable x = node.input(0);
    Variable g = grads.get(0);
    if (!op.keepdims()) {
      int[] order = new int[x.ndim()];
      for (int i = 0, k = 0; i < order.length; i++) {
        order[i] = op.axes().contains(i) ? Shapes.X : k++;
      }
      g = Shapes.dimshuffle(g, order);
    }
    List<Variable> out = new ArrayList<>();
    out.add(Elementwise.mul(g, Shapes.onesLike(x)));
    return out;
  }

  private static UnsupportedOperationException missing(Object what) {
    return new UnsupportedOperationException("the stand-in rules have no derivative of " + what);
  }
}
