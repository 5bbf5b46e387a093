package dev.hypatia.shared;

import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How a {@link Function} turns the values of one call into its explicit inputs' arrays, as Theano's
 * {@code In(variable, name=..., value=...)} and {@code allow_input_downcast}: values by position
 * first, then by the input variable's name, then the default values; each value converted and
 * checked against its input's type. Immutable once built; its defaults are private copies.
 */
final class InputBinder {
  private final String label;
  private final List<Variable> inputs;
  private final NDArray[] defaults;
  private final boolean downcast;

  /**
   * Checks each default value against its input's type (converting it as a call would).
   *
   * @param defaults one per input, null where the input is required
   * @throws HypatiaException naming the input whose default does not fit
   */
  InputBinder(String label, List<Variable> inputs, List<Object> defaults, boolean downcast) {
    this.label = label;
    this.inputs = List.copyOf(inputs);
    this.downcast = downcast;
    this.defaults = new NDArray[inputs.size()];
    for (int i = 0; i < inputs.size(); i++) {
      Object d = defaults.get(i);
      if (d == null) {
        continue;
      }
      try {
        this.defaults[i] = convert(inputs.get(i), d, downcast).copy();
      } catch (HypatiaException e) {
        throw new HypatiaException(
            label
                + ": the default value of input "
                + name(i)
                + " does not fit its type: "
                + e.getMessage(),
            e);
      }
    }
  }

  /**
   * {@code value} as an array of {@code in}'s dtype: with {@code downcast}, any numeric value is
   * cast to that dtype (as a C cast); otherwise {@link Interpreter#checkInput}'s rule. The shape is
   * checked either way.
   *
   * @throws HypatiaException naming the input, the expected and the actual type
   */
  static NDArray convert(Variable in, Object value, boolean downcast) {
    if (downcast && value != null) {
      NDArray a;
      try {
        a = NDArray.from(value);
      } catch (IllegalArgumentException e) {
        return Interpreter.checkInput(in, value);
      }
      return Interpreter.checkInput(in, a.dtype() == in.dtype() ? a : a.astype(in.dtype()));
    }
    return Interpreter.checkInput(in, value);
  }

  /**
   * One array per input: {@code positional} fills the first inputs in order, {@code named} any
   * input by its variable's name, and the defaults what is left. Not modified: the arguments.
   *
   * @throws HypatiaException for too many positional values, an unknown or ambiguous name, a value
   *     given both by position and by name, a required input without a value, or a value that does
   *     not fit its input's type
   */
  List<Object> bind(List<?> positional, Map<String, ?> named) {
    Objects.requireNonNull(positional, "positional");
    Objects.requireNonNull(named, "named");
    if (positional.size() > inputs.size()) {
      throw new HypatiaException(countMessage(positional.size() + named.size()));
    }
    Object[] values = Arrays.copyOf(positional.toArray(), inputs.size());
    boolean[] given = new boolean[inputs.size()];
    Arrays.fill(given, 0, positional.size(), true);
    for (Map.Entry<String, ?> e : named.entrySet()) {
      int i = indexOf(Objects.requireNonNull(e.getKey(), "input name"));
      if (given[i]) {
        throw new HypatiaException(
            label
                + ": input "
                + name(i)
                + " is given both by position (#"
                + (i + 1)
                + ") and by"
                + " name");
      }
      values[i] = e.getValue();
      given[i] = true;
    }
    List<Object> args = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      if (given[i]) {
        args.add(convert(inputs.get(i), values[i], downcast));
      } else if (defaults[i] != null) {
        args.add(defaults[i].copy());
      } else {
        throw new HypatiaException(
            countMessage(positional.size() + named.size())
                + ": no value for required input "
                + missing(i));
      }
    }
    return args;
  }

  /** The index of the only input named {@code key}. */
  private int indexOf(String key) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      if (key.equals(inputs.get(i).name())) {
        found.add(i);
      }
    }
    if (found.size() > 1) {
      throw new HypatiaException(
          label
              + ": "
              + found.size()
              + " inputs are named '"
              + key
              + "' ("
              + found.stream().map(i -> "#" + (i + 1)).collect(Collectors.joining(", "))
              + "): pass them by position");
    }
    if (found.isEmpty()) {
      throw new HypatiaException(unknownMessage(key));
    }
    return found.get(0);
  }

  private String unknownMessage(String key) {
    List<String> known = new ArrayList<>();
    List<String> unnamed = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i).name() == null) {
        unnamed.add("#" + (i + 1));
      } else {
        known.add(inputs.get(i).name());
      }
    }
    return label
        + " has no input named '"
        + key
        + "' (named inputs: "
        + (known.isEmpty() ? "none" : String.join(", ", known))
        + ")"
        + (unnamed.isEmpty()
            ? ""
            : "; unnamed inputs "
                + String.join(", ", unnamed)
                + " can only be passed by position (name a variable with named(...))");
  }

  private String countMessage(int got) {
    return label
        + " takes "
        + inputs.size()
        + " input values ("
        + inputs.stream().map(Variable::label).collect(Collectors.joining(", "))
        + ") but got "
        + got;
  }

  private String missing(int i) {
    Variable in = inputs.get(i);
    return in.name() == null
        ? "#" + (i + 1) + " (" + in.describe() + "; unnamed: pass it by position)"
        : in.name() + " (pass it by position or by name)";
  }

  private String name(int i) {
    Variable in = inputs.get(i);
    return in.name() == null ? "#" + (i + 1) + " " + in.label() : in.name();
  }
}
