/**
 * Makes a string that matches a JSON Schema `pattern`, for schemas such as `^[A-Z]{3}$` (currency
 * codes) or `^\d{5}$` (postcodes) that a declared function argument often carries. It walks the
 * common regex subset (literals, escapes, classes, groups, alternation, quantifiers) and takes the
 * shortest sensible path; the caller gets `undefined` unless the result really matches.
 */

const ESCAPES: Record<string, string> = {
  d: "7",
  D: "a",
  w: "k",
  W: "-",
  s: " ",
  S: "k",
  n: "\n",
  t: "\t",
  r: "\r",
};

class PatternWriter {
  private at = 0;

  constructor(
    private readonly source: string,
    private readonly pick: () => number,
  ) {}

  run(): string {
    const out = this.alternation();
    if (this.at < this.source.length) throw new Error("unbalanced pattern");
    return out;
  }

  private peek(): string {
    return this.source[this.at] ?? "";
  }

  /** Only the first alternative is written; the rest are parsed so the cursor stays right. */
  private alternation(): string {
    const first = this.sequence();
    while (this.peek() === "|") {
      this.at++;
      this.sequence();
    }
    return first;
  }

  private sequence(): string {
    let out = "";
    while (this.at < this.source.length && this.peek() !== "|" && this.peek() !== ")") {
      const atom = this.atom();
      const times = this.quantifier();
      for (let i = 0; i < times; i++) out += i === 0 ? atom.text : atom.again();
    }
    return out;
  }

  private atom(): { text: string; again: () => string } {
    const char = this.peek();
    this.at++;
    if (char === "(") {
      if (this.peek() === "?") this.skipGroupPrefix();
      const start = this.at;
      const text = this.alternation();
      const end = this.at;
      if (this.peek() !== ")") throw new Error("unclosed group");
      this.at++;
      return { text, again: () => this.replay(start, end) };
    }
    if (char === "[") {
      const start = this.at;
      const text = this.charClass();
      const end = this.at;
      return { text, again: () => this.replay(start - 1, end) };
    }
    if (char === "^" || char === "$") return { text: "", again: () => "" };
    if (char === ".") return { text: "k", again: () => "k" };
    if (char === "\\") {
      const escaped = this.peek();
      this.at++;
      const text = escaped === "b" || escaped === "B" ? "" : (ESCAPES[escaped] ?? escaped);
      return { text, again: () => text };
    }
    return { text: char, again: () => char };
  }

  private skipGroupPrefix(): void {
    this.at++;
    if (this.peek() === ":") this.at++;
    else if (this.peek() === "<") this.at = this.source.indexOf(">", this.at) + 1;
  }

  /** Re-reads a group or class, so `([a-z]{2}-){2}` can pick different letters each time. */
  private replay(start: number, end: number): string {
    return new PatternWriter(this.source.slice(start, end), this.pick).run();
  }

  private charClass(): string {
    const negated = this.peek() === "^";
    if (negated) this.at++;
    const options: string[] = [];
    let body = "";
    while (this.at < this.source.length && (this.peek() !== "]" || body === "")) {
      const char = this.peek();
      body += char;
      this.at++;
      if (char === "\\") {
        const escaped = this.peek();
        body += escaped;
        this.at++;
        options.push(ESCAPES[escaped] ?? escaped);
      } else if (this.peek() === "-" && this.source[this.at + 1] !== "]") {
        const last = this.source[this.at + 1] ?? char;
        body += `-${last}`;
        this.at += 2;
        const span = Math.max(0, (last.codePointAt(0) ?? 0) - (char.codePointAt(0) ?? 0));
        options.push(String.fromCodePoint((char.codePointAt(0) ?? 0) + (this.pick() % (span + 1))));
      } else {
        options.push(char);
      }
    }
    this.at++;
    if (!negated) return options[this.pick() % Math.max(1, options.length)] ?? "";
    const excluded = new RegExp(`[${body}]`, "u");
    return ["k", "Q", "5", "_", " ", "~"].find((candidate) => !excluded.test(candidate)) ?? "";
  }

  private quantifier(): number {
    const char = this.peek();
    let times = 1;
    if (char === "?" || char === "*" || char === "+") {
      this.at++;
    } else if (char === "{") {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!match) return 1;
      this.at += match[0].length;
      const min = Number(match[1]);
      const max = match[2] ? (match[3] ? Number(match[3]) : min + 1) : min;
      times = min > 0 ? min : Math.min(1, max);
    } else {
      return 1;
    }
    if (this.peek() === "?") this.at++;
    return times;
  }
}

export function samplePattern(pattern: string, pick: () => number): string | undefined {
  try {
    const text = new PatternWriter(pattern, pick).run();
    return new RegExp(pattern, "u").test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}
