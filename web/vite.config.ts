/**
 * The web UI's build: web/ → dist/web, served by the same Fastify server at / (src/server/web.ts). In development,
 * `npx vite --config web/vite.config.ts` serves it with /api proxied to a running `dangjian serve` on port 3000.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      output: {
        manualChunks: { antd: ['antd', '@ant-design/icons'], echarts: ['echarts'], react: ['react', 'react-dom', 'react-router-dom'] },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
