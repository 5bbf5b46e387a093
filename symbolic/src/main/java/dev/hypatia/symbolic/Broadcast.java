package dev.hypatia.symbolic;

import java.util.List;

/** numpy's broadcasting of shapes, static (with unknown dimensions) and concrete. */
public final class Broadcast {
  private Broadcast() {}

  /**
   * The static broadcast shape of {@code types}: shapes are right-aligned; a dimension of 1
   * stretches; an unknown dimension against a known one {@code n > 1} is {@code n} (checked at run
   * time), against 1 or unknown stays unknown.
   *
   * @throws HypatiaException naming the op and every input when known dimensions conflict
   */
  public static int[] staticShape(String opName, List<Variable> inputs) {
    int nd = 0;
    for (Variable v : inputs) {
      nd = Math.max(nd, v.ndim());
    }
    int[] out = new int[nd];
    for (int i = 0; i < nd; i++) {
      int d = 1;
      for (Variable v : inputs) {
        int j = i - (nd - v.ndim());
        if (j < 0) {
          continue;
        }
        int e = v.type().dim(j);
        if (e == 1) {
          continue;
        }
        if (d == 1) {
          d = e;
        } else if (e != TensorType.UNKNOWN && d != TensorType.UNKNOWN && e != d) {
          throw HypatiaException.forInputs(
              opName,
              "shapes cannot be broadcast together (axis " + i + ": " + d + " vs " + e + ")",
              inputs);
        } else if (d == TensorType.UNKNOWN) {
          d = e;
        }
      }
      out[i] = d;
    }
    return out;
  }

  /**
   * The concrete broadcast shape of {@code shapes}.
   *
   * @throws IllegalArgumentException when they cannot be broadcast together
   */
  public static int[] shape(int[]... shapes) {
    int nd = 0;
    for (int[] s : shapes) {
      nd = Math.max(nd, s.length);
    }
    int[] out = new int[nd];
    java.util.Arrays.fill(out, 1);
    for (int[] s : shapes) {
      for (int j = 0; j < s.length; j++) {
        int i = j + nd - s.length;
        if (s[j] == out[i] || s[j] == 1) {
          continue;
        }
        if (out[i] != 1) {
          StringBuilder sb = new StringBuilder("shapes cannot be broadcast together:");
          for (int[] t : shapes) {
            sb.append(' ').append(TensorType.shapeString(t));
          }
          throw new IllegalArgumentException(sb.toString());
        }
        out[i] = s[j];
      }
    }
    return out;
  }
}
