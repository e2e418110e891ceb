// The home page's one form: "mark as seen" for the news about the person's ideas. `until` is the
// moment the page was read (ms since 1970, filled in by the page), so news that came after it is
// not marked seen unread.
import { z } from "zod";

export const HomeSeenSchema = z.object({
  intent: z.literal("seen"),
  until: z.number().int().min(0).max(8_640_000_000_000_000),
});
