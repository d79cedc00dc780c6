import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";

const webRoot = fileURLToPath(new URL("./web", import.meta.url));
const apiOrigin = "http://127.0.0.1:3000";

export default defineConfig({
  root: webRoot,
  plugins: [react(), tailwindcss()],
  build: {
    outDir: fileURLToPath(new URL("./web/dist", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    // Small enough to skip the size warning noise; route chunks are lazy.
    chunkSizeWarningLimit: 300,
    rolldownOptions: {
      output: {
        // Every page needs React, the router, i18n and the query cache, and the shell's own
        // components and helpers: two files instead of a dozen small ones, which a phone on a
        // slow network fetches with fewer round trips. Feature pages stay in their lazy chunks.
        codeSplitting: {
          groups: [
            { name: "vendor", test: /node_modules[\\/](react|react-dom|scheduler|react-router|i18next|react-i18next|@tanstack)[\\/]/, priority: 20 },
            // English is the fallback every page needs; Hebrew stays in its own chunk, loaded on demand.
            { name: "shell", test: /web[\\/]src[\\/]((app|components|lib)[\\/]|i18n[\\/](index\.ts|feature\.ts|en\.json))/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": { target: apiOrigin, changeOrigin: false },
      "/media": { target: apiOrigin, changeOrigin: false },
      "/socket.io": { target: apiOrigin, ws: true, changeOrigin: false },
    },
  },
});
