import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      // Touch screens: bigger targets (a drag handle of 44 × 44 CSS px).
      screens: { coarse: { raw: "(pointer: coarse)" } },
      colors: {
        // Latvian carmine, darkened for 4.5:1 contrast on white
        brand: { DEFAULT: "#8a1c2b", dark: "#6b1421", light: "#f7e9eb" },
      },
    },
  },
  plugins: [],
} satisfies Config;
