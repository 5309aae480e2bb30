// Numbers at the precision views show (shared/protocol/wirePrecision.ts): every figure a view makes
// of a value or a change is the same from its wire form as from the rules' full double, a change
// worked out from two wire values stays within a hundredth (a sixteenth for counts) of the truth,
// and what the server stores is exactly what the schema's "number" delivers, in 1–5 bytes.
import { Decoder, Encoder, schema, t } from "@colyseus/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIndicatorValue, formatSignedChange, type IndicatorFormat } from "../../client/viewModels/format.ts";
import { roundChange } from "../../shared/protocol/whyEffects.ts";
import { asDecoded, precisionOf, regionalPrecisionOf, toWire, wireTolerance } from "../../shared/protocol/wirePrecision.ts";

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
    fc.tuple(fc.integer({ min: 0, max: max * 20 }), fc.constantFrom(-1e-9, -1e-12, 1e-12, 1e-9)).map(([n, e]) => Math.max(0, n / 20 + e)),
  );
const changeIn = (max: number) => fc.tuple(valueIn(max), fc.boolean()).map(([v, negative]) => (negative ? -v : v));

describe("wire precision", () => {
  it("a value shows the same from its wire form, in every format and language", () => {
    for (const { format, max } of FORMATS) {
      fc.assert(
        fc.property(valueIn(max), (value) => {
          const wire = toWire(value, precisionOf(format));
          for (const lang of LANGS) expect(formatIndicatorValue(wire, format, lang), `${format} ${value} → ${wire}`).toBe(formatIndicatorValue(value, format, lang));
          expect(Math.abs(wire - value)).toBeLessThanOrEqual(wireTolerance(precisionOf(format)));
        }),
        { numRuns: 3000 },
      );
    }
  });

  it("a change (a why line's delta) shows the same sign and figure from its wire form", () => {
    for (const { format, max } of FORMATS) {
      fc.assert(
        fc.property(changeIn(max), (delta) => {
          const wire = toWire(delta, precisionOf(format), "change");
          for (const lang of LANGS) expect(formatSignedChange(wire, format, lang), `${format} ${delta} → ${wire}`).toBe(formatSignedChange(delta, format, lang));
        }),
        { numRuns: 3000 },
      );
    }
  });

  it("a change worked out from two wire values (the meters' change since last round) is right to within a hundredth", () => {
    for (const { format, max } of FORMATS) {
      const precision = precisionOf(format);
      const tolerance = 2 * wireTolerance(precision);
      const step = format === "count" || format === "usdMillions" ? 1 : 0.1;
      fc.assert(
        fc.property(valueIn(max), valueIn(max), (now, before) => {
          const truth = now - before;
          const fromWire = toWire(now, precision) - toWire(before, precision);
          expect(Math.abs(fromWire - truth)).toBeLessThanOrEqual(tolerance);
          // The figure shown can only differ where the true change is within that distance of a half step.
          const toHalfStep = Math.abs((((truth / step) % 1) + 1) % 1 - 0.5) * step;
          if (roundChange(fromWire, format) !== roundChange(truth, format)) expect(toHalfStep).toBeLessThanOrEqual(tolerance);
        }),
        { numRuns: 3000 },
      );
    }
    // Whole numbers would not do: a third of count changes would be off by one.
    expect(roundChange(Math.round(10.6) - Math.round(10.4), "count")).not.toBe(roundChange(10.6 - 10.4, "count"));
    expect(roundChange(toWire(10.6, "count") - toWire(10.4, "count"), "count")).toBe(roundChange(10.6 - 10.4, "count"));
  });

  it("whole numbers travel as they are; a region's homicides travel as the whole number the map shows", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (n) => {
        for (const precision of ["whole", "count", "tenth"] as const) expect(toWire(n, precision)).toBe(n);
      }),
    );
    expect(regionalPrecisionOf("count")).toBe("whole");
    expect(regionalPrecisionOf("index")).toBe("tenth");
    fc.assert(
      fc.property(valueIn(50_000), (homicides) => {
        const wire = toWire(homicides, regionalPrecisionOf("count"));
        expect(Number.isInteger(wire)).toBe(true);
        for (const lang of LANGS) expect(formatIndicatorValue(wire, "count", lang)).toBe(formatIndicatorValue(homicides, "count", lang));
      }),
    );
    // A value already on a sixteenth that float32 holds (317.5 million) is not moved.
    expect(toWire(317.5, "count")).toBe(317.5);
  });

  it("the server stores exactly what the schema's number type delivers, non-whole values as 5-byte float32", () => {
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
        fc.property(valueIn(max), (value) => {
          const wire = toWire(value, precisionOf(format));
          expect(asDecoded(wire)).toBe(wire);
          expect(decoded(wire)).toBe(wire);
          expect(sizeOf(wire)).toBeLessThanOrEqual(5);
        }),
        { numRuns: 300 },
      );
    }
    // What it saves: national homicides travelled as float64.
    expect(sizeOf(10563.260506864977)).toBe(9);
    expect(sizeOf(toWire(10563.260506864977, "count"))).toBe(5);
    expect(sizeOf(toWire(1523.8170728869238, "whole"))).toBe(3);
  });
});
