// The web-platform APIs the shared layer may use beyond ES2023: the ones both Node (≥ 20) and the
// browsers provide. Only the shared project (tsconfig.shared.json) reads this file; the client and node
// projects have the full declarations (DOM, @types/node). Anything else (document, Buffer, fs) is refused.

interface URLSearchParams {
  append(name: string, value: string): void;
  delete(name: string): void;
  get(name: string): string | null;
  getAll(name: string): string[];
  has(name: string): boolean;
  set(name: string, value: string): void;
  sort(): void;
  toString(): string;
  keys(): IterableIterator<string>;
  entries(): IterableIterator<[string, string]>;
  forEach(fn: (value: string, key: string) => void): void;
  [Symbol.iterator](): IterableIterator<[string, string]>;
  readonly size: number;
}
declare var URLSearchParams: {
  prototype: URLSearchParams;
  new (init?: string | URLSearchParams | Record<string, string> | Iterable<[string, string]>): URLSearchParams;
};

interface AbortSignal {
  readonly aborted: boolean;
}

interface DOMException extends Error {}
declare var DOMException: { prototype: DOMException; new (message?: string, name?: string): DOMException };

declare function btoa(data: string): string;
