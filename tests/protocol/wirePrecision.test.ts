// Numbers as they travel (shared/protocol/wirePrecision.ts): every figure a view makes of a value or
// a change is the same from its wire form as from the rules' double, order is kept, a change worked
// out from two wire values stays within a float32 step of the truth, and what the server stores is
// exactly what the schema's "number" delivers, in at most 5 bytes.
import { Decoder, Encoder, schema, t } from "@colyseus/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIndicatorValue, formatSignedChange, type IndicatorFormat } from "../../client/viewModels/format.ts";
import { roundChange } from "../../shared/protocol/whyEffects.ts";
import { asDecoded, shownDigitsOf, toWire, wireTolerance } from "../../shared/protocol/wirePrecision.ts";

const FORMATS: { format: IndicatorFormat; max: number }[] = [
  { format: "count", max: 200_000 },
  { format: "usdMillions", max: 100_000 },
  { format: "index", max: 100 },
  { format: "usdBillions", max: 1_000 },
];
const LANGS = ["en", "es"] as const;
/** Doubles with all their noise, plus the ones views round at: halves, x.x5, and a hair either side. */
const valueIn = (max: number) =>
  fc.oneof(
    fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: 0, max: max * 20 }).map((n) => n / 20),
    fc.tuple(fc.integer({ min: 0, max: max * 20 }), fc.constantFrom(-1e-6, -1e-9, -1e-12, 1e-12, 1e-9, 1e-6)).map(([n, e]) => Math.max(0, n / 20 + e)),
  );
const changeIn = (max: number) => fc.tuple(valueIn(max), fc.boolean()).map(([v, negative]) => (negative ? -v : v));

describe("numbers as they travel", () => {
  it("a value shows the same from its wire form, in every format and language", () => {
    for (const { format, max } of FORMATS) {
      fc.assert(
        fc.property(valueIn(max), (value) => {
          const wire = toWire(value, shownDigitsOf(format));
          for (const lang of LANGS) expect(formatIndicatorValue(wire, format, lang), `${format} ${value} → ${wire}`).toBe(formatIndicatorValue(value, format, lang));
          expect(Math.abs(wire - value)).toBeLessThanOrEqual(wireTolerance(value));
        }),
        { numRuns: 3000 },
      );
    }
    // The schema's own float32 would show 12.45 as 12.4: the wire form is the float32 on its other side.
    expect(formatIndicatorValue(Math.fround(12.45), "index", "en")).toBe("12.4");
    expect(formatIndicatorValue(toWire(12.45, 1), "index", "en")).toBe("12.5");
  });

  it("a change (a why line's delta) shows the same sign and figure from its wire form", () => {
    for (const { format, max } of FORMATS) {
      fc.assert(
        fc.property(changeIn(max), (delta) => {
          const wire = toWire(delta, shownDigitsOf(format), "change");
          for (const lang of LANGS) expect(formatSignedChange(wire, format, lang), `${format} ${delta} → ${wire}`).toBe(formatSignedChange(delta, format, lang));
        }),
        { numRuns: 3000 },
      );
    }
  });

  it("keeps order (views rank regions and why lines by size), and a change worked out from two wire values is right to within a float32 step", () => {
    for (const { format, max } of FORMATS) {
      const digits = shownDigitsOf(format);
      fc.assert(
        fc.property(valueIn(max), valueIn(max), (a, b) => {
          if (a < b) expect(toWire(a, digits)).toBeLessThanOrEqual(toWire(b, digits));
          const truth = a - b;
          const fromWire = toWire(a, digits) - toWire(b, digits);
          const tolerance = wireTolerance(a) + wireTolerance(b);
          expect(Math.abs(fromWire - truth)).toBeLessThanOrEqual(tolerance);
          // The figure shown can only differ where the true change is within that distance of a half step.
          const step = 10 ** -digits;
          const toHalfStep = Math.abs((((truth / step) % 1) + 1) % 1 - 0.5) * step;
          if (roundChange(fromWire, format) !== roundChange(truth, format)) expect(toHalfStep).toBeLessThanOrEqual(tolerance);
        }),
        { numRuns: 3000 },
      );
    }
    // Two decimals would not do: 10.004 and 10.006 would tie, and a one-decimal change would move.
    expect(toWire(10.004, 1)).toBeLessThan(toWire(10.006, 1));
    expect(roundChange(toWire(0.149, 1) - toWire(0.1, 1), "index")).toBe(roundChange(0.149 - 0.1, "index"));
  });

  it("whole numbers travel as they are", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (n) => {
        for (const digits of [0, 1]) for (const reading of ["value", "change"] as const) expect(toWire(n, digits, reading)).toBe(n);
      }),
    );
  });

  it("the server stores exactly what the schema's number type delivers, in at most 5 bytes where the rules' doubles took 9", () => {
    const Box = schema({ value: t.number().default(0) }, "WirePrecisionBox");
    // Bytes of the value itself: the whole state's bytes less those of a 0 (which takes one byte).
    const sizeOf = (value: number) => {
      const box = new Box();
      box.value = value;
      return new Encoder(box).encodeAll().byteLength - new Encoder(new Box()).encodeAll().byteLength + 1;
    };
    const decoded = (value: number) => {
      const box = new Box();
      box.value = value;
      const copy = new Box();
      new Decoder(copy).decode(new Encoder(box).encodeAll());
      return copy.value;
    };
    for (const { format, max } of FORMATS) {
      fc.assert(
        fc.property(changeIn(max), (value) => {
          const wire = toWire(value, shownDigitsOf(format));
          expect(asDecoded(wire)).toBe(wire);
          expect(decoded(wire)).toBe(wire);
          expect(sizeOf(wire)).toBeLessThanOrEqual(5);
        }),
        { numRuns: 300 },
      );
    }
    // National homicides travelled as float64.
    expect(sizeOf(10563.260506864977)).toBe(9);
    expect(sizeOf(toWire(10563.260506864977, 0))).toBe(5);
  });
});
