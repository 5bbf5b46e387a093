package dev.hypatia.jvm.code;

import java.util.List;

/** A statement of the lowered program (see {@link Expr}). Bodies are immutable lists. */
public sealed interface Stmt {
  /** {@code Type name = init;} declares a new local, visible to the end of the enclosing body. */
  record Declare(Expr.Local local, Expr init) implements Stmt {}

  /** {@code name = value;}. */
  record Assign(Expr.Local local, Expr value) implements Stmt {}

  /** {@code array[index] = value;}. */
  record ArrayStore(Expr array, Expr index, Expr value) implements Stmt {}

  /** An expression evaluated for its effect (a call); a non-void result is dropped. */
  record Eval(Expr expr) implements Stmt {}

  /**
   * {@code for (int counter = from; counter < to; counter += step) body}: {@code counter} is a new
   * int local scoped to the loop; {@code to} and {@code step} are evaluated on every iteration, so
   * pass locals or literals.
   */
  record For(Expr.Local counter, Expr from, Expr to, Expr step, List<Stmt> body) implements Stmt {
    /** Copies the body. */
    public For {
      body = List.copyOf(body);
    }
  }

  /** {@code while (test) body}. */
  record While(Expr test, List<Stmt> body) implements Stmt {
    /** Copies the body. */
    public While {
      body = List.copyOf(body);
    }
  }

  /** {@code if (test) then else orElse}; {@code orElse} may be empty. */
  record If(Expr test, List<Stmt> then, List<Stmt> orElse) implements Stmt {
    /** Copies the branches. */
    public If {
      then = List.copyOf(then);
      orElse = List.copyOf(orElse);
    }
  }

  /** {@code return value;}, or {@code return;} when value is null. */
  record Return(Expr value) implements Stmt {}

  /** A line comment in the Java source; nothing in bytecode. */
  record Comment(String text) implements Stmt {}
}
