import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        // Latvian carmine, darkened for 4.5:1 contrast on white
        brand: { DEFAULT: "#8a1c2b", dark: "#6b1421", light: "#f7e9eb" },
      },
    },
  },
  plugins: [],
} satisfies Config;
