import type { MetadataRoute } from "next";

// Installable as an app on a phone: it opens on the frontline logging page. The name is the
// product's own (the same in Korean and English).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Moments",
    short_name: "Moments",
    description: "Customer experience, moment by moment · 고객 경험을 순간마다 기록합니다",
    id: "/frontline",
    start_url: "/frontline",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#fafafa",
    theme_color: "#3b5bdb",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
