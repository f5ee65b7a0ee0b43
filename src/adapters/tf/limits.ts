// Bounds on the work one root module's evaluation may do. Scanned code may be hostile: a string
// doubled through forty locals, range(100000) nested in three for expressions, a module that
// calls itself. Past a bound values become unknown (and a warning says so), never a hang.
export const LIMITS = {
  /** Characters in one string value. */
  maxString: 1 << 20,
  /** Items in one list or object value. */
  maxItems: 100_000,
  /** Evaluation steps (expressions evaluated, items produced) per root module. */
  maxSteps: 4_000_000,
  /** Characters of strings built per root module. */
  maxChars: 64 * 1024 * 1024,
  /** Instances of one resource or module call (count, for_each). */
  maxInstances: 10_000,
  /** Module calls nested in one another. */
  maxModuleDepth: 20,
  /** Bytes file() and templatefile() read. */
  maxFileRead: 1 << 20,
  /** Values computed while computing another (local.a needs local.b needs ...). */
  maxDepth: 100,
};

/** Thrown when the budget runs out; caught where an attribute or a lazily computed value is evaluated. */
export class Exhausted extends Error {
  constructor() {
    super("evaluation budget exhausted");
    this.name = "Exhausted";
  }
}

export class Budget {
  steps = 0;
  chars = 0;
  exhausted = false;

  tick(n = 1): void {
    this.steps += n;
    if (this.steps > LIMITS.maxSteps) this.stop();
  }

  /** Counts work done outside an expression (instances made); the next tick() stops. */
  charge(n: number): void {
    this.steps += n;
    if (this.steps > LIMITS.maxSteps) this.exhausted = true;
  }

  /** Counts a string built; throws past the bound. */
  text(s: string): string {
    this.chars += s.length;
    if (this.chars > LIMITS.maxChars) this.stop();
    return s;
  }

  stop(): never {
    this.exhausted = true;
    throw new Exhausted();
  }
}
