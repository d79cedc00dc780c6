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
  },
  server: {
    proxy: {
      "/api": { target: apiOrigin, changeOrigin: false },
      "/media": { target: apiOrigin, changeOrigin: false },
      "/socket.io": { target: apiOrigin, ws: true, changeOrigin: false },
    },
  },
});
