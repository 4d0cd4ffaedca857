// Options that several methods declare alike, written once.
import { z } from "zod";
import { choiceOption, flagOption, wholeNumberOption } from "./methodOptions.ts";

/** chow, supf, cusum, breaks: a linear trend in the model. */
export const trendOption = flagOption("a linear trend in the model (R: y ~ trend) instead of y ~ 1; default false");

/** adf, kpss: the deterministic terms. */
export const regressionOption = choiceOption(["c", "ct"], "c: a constant (default); ct: a constant and a linear trend").optional();

/** pelt, binseg: the segment model, penalty and shortest segment. */
export const changePointOptions = {
  cost: choiceOption(["normal-mean", "normal-meanvar", "poisson"], "segment model; default normal-mean").optional(),
  penalty: z.string().regex(/^(bic|mbic|\d+(\.\d+)?)$/, "must be bic, mbic or a non-negative number").describe("bic (default), mbic or a number per change point").optional(),
  minseg: wholeNumberOption("shortest segment; default 1 (2 for normal-meanvar)").optional(),
};
