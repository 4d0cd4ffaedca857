// The part of jsonstat-toolkit (no types of its own) that the export tests use to read JSON-stat back.
declare module "jsonstat-toolkit" {
  interface JsonStatDatum {
    value: number | null;
    status: string | null;
  }
  interface JsonStatCategory {
    label: string;
  }
  interface JsonStatDimension {
    id: string[];
    label: string;
    role: string | null;
    Category(id: string | number): JsonStatCategory | null;
  }
  interface JsonStatReader {
    class: string;
    length: number;
    n: number;
    id: string[];
    size: number[];
    label: string;
    source: string;
    extension: Record<string, unknown>;
    Dataset(index: number): JsonStatReader;
    Dimension(id: string): JsonStatDimension | null;
    Data(query: Record<string, string> | number): JsonStatDatum | null;
    Unflatten<T>(callback: (coordinates: Record<string, string>, datum: JsonStatDatum) => T): T[];
  }
  export default function JSONstat(input: unknown): JsonStatReader;
}
