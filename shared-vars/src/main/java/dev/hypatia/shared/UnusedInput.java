package dev.hypatia.shared;

/**
 * What {@link FunctionBuilder#build()} does with an explicit input that no output and no update
 * depends on, as Theano's {@code on_unused_input}.
 */
public enum UnusedInput {
  /** Fail, naming the input: the default, since an unused input is usually a mistake. */
  RAISE,
  /** Log a warning naming the input and compile anyway (the call still takes its value). */
  WARN,
  /** Compile silently (the call still takes, and checks, its value). */
  IGNORE
}
