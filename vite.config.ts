/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { presetTitles } from './build/preset-titles-plugin.ts';

/**
 * Cross-origin isolation: the page may then share memory with the engine worker
 * (SharedArrayBuffer), which lends its outputs to the page instead of copying them for every
 * report (src/engine/shared-outputs.ts). Every resource of the app is same-origin. Served
 * without these headers, the app works as before and copies.
 */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
  plugins: [
    react(),
    presetTitles(),
    // Installable, and usable offline once loaded: every script, style and preset of the
    // build is cached by a service worker on the first visit; the MNIST digits (1.7 MB)
    // when a run first fetches them. A new version waits until every tab of the old one
    // is closed, so an open page never loses a lazy chunk it has yet to load.
    VitePWA({
      registerType: 'prompt',
      injectRegister: 'script-defer',
      includeAssets: ['icon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: 'convflow: a dataflow notebook for convolutional networks',
        short_name: 'convflow',
        description:
          'Wire Input, Conv2D, MaxPool, Flatten, Dense and Dropout nodes and see every output as a heatmap.',
        theme_color: '#0b3a6e',
        background_color: '#ffffff',
        display: 'standalone',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,wasm}'],
        // Take the first visit's page at once, so the digits a run fetches are cached then.
        clientsClaim: true,
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname.endsWith('/datasets/mnist.bin'),
            handler: 'CacheFirst',
            options: { cacheName: 'convflow-datasets' },
          },
        ],
      },
    }),
  ],
  worker: { format: 'es' },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/property/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
