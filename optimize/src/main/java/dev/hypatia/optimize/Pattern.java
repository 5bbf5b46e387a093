package dev.hypatia.optimize;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elemwise;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.ScalarOp;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A pattern over a variable and the nodes that compute it, as tinygrad's pattern matcher and
 * PyTensor's node rewriters: {@code log(add(one(), x))} matches {@code log(1 + e)} for any {@code
 * e}, capturing it as {@code x}. A capture that occurs twice must match the same variable.
 *
 * <p>Build patterns with the static factories here: {@link #capture}, {@link #constant}, {@link
 * #unary}, {@link #binary} (both orders for commutative functions), {@link #op}.
 */
public sealed interface Pattern {
  /**
   * Tries to match {@code v}, extending {@code captures} (a scratch map: on failure it may hold
   * partial captures, which the caller discards).
   */
  boolean matches(Variable v, Map<String, Variable> captures);

  /** The match of {@code v}, or null. */
  default Match match(Variable v) {
    Map<String, Variable> captures = new HashMap<>();
    return matches(v, captures) ? new Match(v, captures) : null;
  }

  /** Matches any variable, capturing it as {@code name}. */
  record Capture(String name) implements Pattern {
    @Override
    public boolean matches(Variable v, Map<String, Variable> captures) {
      Variable seen = captures.putIfAbsent(name, v);
      return seen == null || seen == v;
    }
  }

  /** Matches a constant all of whose elements equal {@code value} (any shape and dtype). */
  record ConstantValue(double value) implements Pattern {
    @Override
    public boolean matches(Variable v, Map<String, Variable> captures) {
      if (!(v instanceof Constant c)) {
        return false;
      }
      NDArray a = c.valueView();
      if (a.size() == 0) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (a.flatDouble(i) != value) {
          return false;
        }
      }
      return true;
    }
  }

  /** Matches any constant, capturing it as {@code name}. */
  record AnyConstant(String name) implements Pattern {
    @Override
    public boolean matches(Variable v, Map<String, Variable> captures) {
      return v.isConstant() && new Capture(name).matches(v, captures);
    }
  }

  /**
   * Matches output 0 of a node whose op satisfies {@code op} and whose inputs match {@code inputs};
   * with {@code commutative} and two inputs, in either order.
   */
  record OpPattern(String description, Predicate<Op> op, List<Pattern> inputs, boolean commutative)
      implements Pattern {
    /** Copies the inputs. */
    public OpPattern {
      inputs = List.copyOf(inputs);
    }

    @Override
    public boolean matches(Variable v, Map<String, Variable> captures) {
      Apply node = v.owner();
      if (node == null || v.index() != 0 || !op.test(node.op())) {
        return false;
      }
      if (node.inputs().size() != inputs.size()) {
        return false;
      }
      Map<String, Variable> trial = new HashMap<>(captures);
      if (inputsMatch(node.inputs(), inputs, trial)) {
        captures.putAll(trial);
        return true;
      }
      if (commutative && inputs.size() == 2) {
        trial = new HashMap<>(captures);
        if (inputsMatch(node.inputs(), List.of(inputs.get(1), inputs.get(0)), trial)) {
          captures.putAll(trial);
          return true;
        }
      }
      return false;
    }

    private static boolean inputsMatch(
        List<Variable> actual, List<Pattern> wanted, Map<String, Variable> captures) {
      for (int i = 0; i < wanted.size(); i++) {
        if (!wanted.get(i).matches(actual.get(i), captures)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return description + inputs;
    }
  }

  /** A capture named {@code name}. */
  static Capture capture(String name) {
    return new Capture(name);
  }

  /** A constant all of whose elements equal {@code value}. */
  static Pattern constant(double value) {
    return new ConstantValue(value);
  }

  /** Any constant, captured as {@code name}. */
  static Pattern anyConstant(String name) {
    return new AnyConstant(name);
  }

  /** An {@link Elemwise} node of the scalar function {@code fn} over {@code inputs}. */
  static Pattern elemwise(ScalarOp fn, Pattern... inputs) {
    boolean commutative = fn instanceof BinaryFn b && BinaryFn.COMMUTATIVE.contains(b);
    return new OpPattern(
        fn.opName(),
        o -> o instanceof Elemwise e && e.scalar().equals(fn),
        List.of(inputs),
        commutative);
  }

  /** {@code fn(x)} for a unary function. */
  static Pattern unary(UnaryFn fn, Pattern x) {
    return elemwise(fn, x);
  }

  /** {@code fn(a, b)} for a binary function; either order when fn is commutative. */
  static Pattern binary(BinaryFn fn, Pattern a, Pattern b) {
    return elemwise(fn, a, b);
  }

  /** A node of an op of class {@code type} over {@code inputs}. */
  static Pattern op(Class<? extends Op> type, Pattern... inputs) {
    return new OpPattern(type.getSimpleName(), type::isInstance, List.of(inputs), false);
  }

  /** A node whose op satisfies {@code test} over {@code inputs}. */
  static Pattern op(String description, Predicate<Op> test, Pattern... inputs) {
    return new OpPattern(description, test, List.of(inputs), false);
  }
}
