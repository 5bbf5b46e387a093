package dev.hypatia.jvm.asm;

import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.Expr.BinaryOp;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;

/**
 * Emits expressions: {@link #value} leaves an expression's value on the stack (a comparison as 0 or
 * 1), {@link #jump} branches on a boolean test without materialising it.
 */
final class AsmExprEmitter {
  private final GeneratorAdapter g;
  private final AsmMethodEmitter locals;

  AsmExprEmitter(GeneratorAdapter g, AsmMethodEmitter locals) {
    this.g = g;
    this.locals = locals;
  }

  /** The element type of an array type. */
  static Type elementType(Type array) {
    if (array.getSort() != Type.ARRAY) {
      throw new IllegalArgumentException("not an array: " + array);
    }
    return Type.getType(array.getDescriptor().substring(1));
  }

  /** Pushes the value of {@code e} (nothing for a void call). */
  void value(Expr e) {
    if (e instanceof Expr.Local l) {
      locals.load(l);
    } else if (e instanceof Expr.Literal lit) {
      literal(lit);
    } else if (e instanceof Expr.Negate n) {
      value(n.operand());
      g.math(GeneratorAdapter.NEG, n.type());
      narrow(n.type());
    } else if (e instanceof Expr.Binary b) {
      binary(b);
    } else if (e instanceof Expr.Conditional c) {
      Label orElse = new Label();
      Label end = new Label();
      jump(c.test(), false, orElse);
      value(c.ifTrue());
      g.goTo(end);
      g.mark(orElse);
      value(c.ifFalse());
      g.mark(end);
    } else if (e instanceof Expr.Convert c) {
      convert(c.operand().type(), c.type(), c.operand());
    } else if (e instanceof Expr.ArrayLoad a) {
      value(a.array());
      value(a.index());
      g.arrayLoad(a.type());
    } else if (e instanceof Expr.ArrayLength a) {
      value(a.array());
      g.arrayLength();
    } else if (e instanceof Expr.GetStatic f) {
      g.getStatic(f.owner(), f.name(), f.type());
    } else if (e instanceof Expr.Call c) {
      call(c);
    } else if (e instanceof Expr.NewArray n) {
      value(n.length());
      g.newArray(n.elementType());
    } else if (e instanceof Expr.ArrayOf a) {
      arrayOf(a);
    }
  }

  private void binary(Expr.Binary b) {
    checkOperands(b);
    if (b.op().isComparison()) {
      Label yes = new Label();
      Label end = new Label();
      jump(b, true, yes);
      g.push(false);
      g.goTo(end);
      g.mark(yes);
      g.push(true);
      g.mark(end);
      return;
    }
    value(b.left());
    value(b.right());
    g.math(mathOp(b.op()), b.type());
    narrow(b.type());
  }

  /**
   * Rejects operators Java does not define on the operand type: arithmetic and ordering on boolean,
   * bitwise operators and shifts on float and double, shifts on boolean.
   */
  static void checkOperands(Expr.Binary b) {
    int sort = b.left().type().getSort();
    boolean bool = sort == Type.BOOLEAN;
    boolean floating = sort == Type.FLOAT || sort == Type.DOUBLE;
    boolean ok =
        switch (b.op()) {
          case EQ, NE -> true;
          case AND, OR, XOR -> !floating;
          case SHL, SHR, USHR -> !floating && !bool;
          default -> !bool;
        };
    if (!ok || sort > Type.DOUBLE && b.op() != BinaryOp.EQ && b.op() != BinaryOp.NE) {
      throw new IllegalArgumentException("operator " + b.op().symbol() + " on " + b.left().type());
    }
  }

  private static int mathOp(BinaryOp op) {
    return switch (op) {
      case ADD -> GeneratorAdapter.ADD;
      case SUB -> GeneratorAdapter.SUB;
      case MUL -> GeneratorAdapter.MUL;
      case DIV -> GeneratorAdapter.DIV;
      case REM -> GeneratorAdapter.REM;
      case AND -> GeneratorAdapter.AND;
      case OR -> GeneratorAdapter.OR;
      case XOR -> GeneratorAdapter.XOR;
      case SHL -> GeneratorAdapter.SHL;
      case SHR -> GeneratorAdapter.SHR;
      case USHR -> GeneratorAdapter.USHR;
      default -> throw new IllegalArgumentException("not arithmetic: " + op);
    };
  }

  /** byte, short and char arithmetic computes in int; the result wraps back to the type. */
  private void narrow(Type t) {
    int sort = t.getSort();
    if (sort == Type.BYTE || sort == Type.SHORT || sort == Type.CHAR) {
      g.cast(Type.INT_TYPE, t);
    }
  }

  private void convert(Type from, Type to, Expr operand) {
    value(operand);
    boolean fromPrimitive = from.getSort() <= Type.DOUBLE;
    boolean toPrimitive = to.getSort() <= Type.DOUBLE;
    if (fromPrimitive && toPrimitive) {
      if (from.getSort() == Type.BOOLEAN || to.getSort() == Type.BOOLEAN) {
        throw new IllegalArgumentException("no conversion between " + from + " and " + to);
      }
      if (from.getSort() != to.getSort()) {
        g.cast(from, to);
      }
    } else if (!fromPrimitive && !toPrimitive) {
      g.checkCast(to);
    } else {
      throw new IllegalArgumentException("no conversion between " + from + " and " + to);
    }
  }

  private void literal(Expr.Literal lit) {
    Object v = lit.value();
    switch (lit.type().getSort()) {
      case Type.BOOLEAN -> g.push((Boolean) v);
      case Type.CHAR -> g.push(v instanceof Character c ? c : ((Number) v).intValue());
      case Type.BYTE, Type.SHORT, Type.INT -> g.push(((Number) v).intValue());
      case Type.LONG -> g.push(((Number) v).longValue());
      case Type.FLOAT -> g.push(((Number) v).floatValue());
      case Type.DOUBLE -> g.push(((Number) v).doubleValue());
      default -> {
        if (v == null) {
          g.visitInsn(Opcodes.ACONST_NULL);
        } else if (v instanceof String s) {
          g.push(s);
        } else {
          throw new IllegalArgumentException("no literal of " + lit.type() + ": " + v);
        }
      }
    }
  }

  private void call(Expr.Call c) {
    if (c.target() != null) {
      value(c.target());
    }
    for (Expr a : c.args()) {
      value(a);
    }
    int opcode =
        c.target() == null
            ? Opcodes.INVOKESTATIC
            : c.onInterface() ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL;
    g.visitMethodInsn(
        opcode, c.owner().getInternalName(), c.name(), c.method().getDescriptor(), c.onInterface());
  }

  private void arrayOf(Expr.ArrayOf a) {
    g.push(a.elements().size());
    g.newArray(a.elementType());
    for (int i = 0; i < a.elements().size(); i++) {
      g.dup();
      g.push(i);
      value(a.elements().get(i));
      g.arrayStore(a.elementType());
    }
  }

  /** Jumps to {@code target} when the boolean {@code test} evaluates to {@code when}. */
  void jump(Expr test, boolean when, Label target) {
    if (test instanceof Expr.Binary b && b.op().isComparison()) {
      compare(b, when, target);
    } else if (test instanceof Expr.Literal lit && lit.value() instanceof Boolean v) {
      if (v == when) {
        g.goTo(target);
      }
    } else {
      value(test);
      g.visitJumpInsn(when ? Opcodes.IFNE : Opcodes.IFEQ, target);
    }
  }

  private void compare(Expr.Binary b, boolean when, Label target) {
    checkOperands(b);
    value(b.left());
    value(b.right());
    int zeroTest = zeroTest(b.op(), when);
    switch (b.left().type().getSort()) {
      case Type.FLOAT, Type.DOUBLE -> {
        boolean isFloat = b.left().type().getSort() == Type.FLOAT;
        // NaN must make every comparison but != false: CMPG gives 1 for it (so < and <= fail),
        // CMPL gives -1 (so > and >= fail); the negated jump then fires on NaN, as it should.
        boolean lessThan = b.op() == BinaryOp.LT || b.op() == BinaryOp.LE;
        int cmp =
            isFloat
                ? (lessThan ? Opcodes.FCMPG : Opcodes.FCMPL)
                : (lessThan ? Opcodes.DCMPG : Opcodes.DCMPL);
        g.visitInsn(cmp);
        g.visitJumpInsn(zeroTest, target);
      }
      case Type.LONG -> {
        g.visitInsn(Opcodes.LCMP);
        g.visitJumpInsn(zeroTest, target);
      }
      case Type.OBJECT, Type.ARRAY -> {
        if (b.op() != BinaryOp.EQ && b.op() != BinaryOp.NE) {
          throw new IllegalArgumentException("operator " + b.op().symbol() + " on references");
        }
        int same = Opcodes.IF_ACMPEQ - Opcodes.IFEQ;
        g.visitJumpInsn(zeroTest + same, target);
      }
      default -> g.visitJumpInsn(zeroTest + (Opcodes.IF_ICMPEQ - Opcodes.IFEQ), target);
    }
  }

  /** The IFxx opcode that jumps when {@code value op 0} is {@code when}. */
  private static int zeroTest(BinaryOp op, boolean when) {
    BinaryOp jumpOn = when ? op : negate(op);
    return switch (jumpOn) {
      case EQ -> Opcodes.IFEQ;
      case NE -> Opcodes.IFNE;
      case LT -> Opcodes.IFLT;
      case GE -> Opcodes.IFGE;
      case GT -> Opcodes.IFGT;
      case LE -> Opcodes.IFLE;
      default -> throw new IllegalArgumentException("not a comparison: " + op);
    };
  }

  private static BinaryOp negate(BinaryOp op) {
    return switch (op) {
      case EQ -> BinaryOp.NE;
      case NE -> BinaryOp.EQ;
      case LT -> BinaryOp.GE;
      case GE -> BinaryOp.LT;
      case GT -> BinaryOp.LE;
      case LE -> BinaryOp.GT;
      default -> throw new IllegalArgumentException("not a comparison: " + op);
    };
  }
}
