import type { NextConfig } from 'next';

const config: NextConfig = {
  // The kit is plain ESM, one file per module; only its components and hooks carry "use client", so server
  // components may import its query factories and messages too. Nothing to transpile.
  reactStrictMode: true,
};

export default config;
