// Prerendered pages cannot carry a per-request nonce, so Next's own inline bootstrap scripts need
// 'unsafe-inline' (Next 16 CSP guide, "Without Nonces"); markdown is sanitized and never contains raw
// HTML, which is what keeps inline script out. No 'unsafe-eval' outside `next dev` (React's dev
// tooling needs it). 'wasm-unsafe-eval' and blob: workers are for the in-browser engines (PGlite, Pyodide).
const isDev = process.env.NODE_ENV === "development";

export const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

// Nothing on the site needs these; denying them means injected content cannot ask for them either.
export const permissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), browsing-topics=()";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native addon: load it from node_modules at run time rather than bundling it.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "@open-spaced-repetition/binding-linux-x64-gnu"],
  async headers() {
    return [
      {
        source: "/(.*)",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: contentSecurityPolicy },
          { key: "Permissions-Policy", value: permissionsPolicy },
        ],
      },
    ];
  },
};

export default nextConfig;
