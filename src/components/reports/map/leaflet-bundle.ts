/**
 * Leaflet and its stylesheet, in a chunk of its own that pages load only when a map is needed (Leaflet touches
 * `window` on import, so it must never be imported at build time or in a page's first script).
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

// leaflet.markercluster is a UMD build that extends the global L; bundled Leaflet does not set it.
(globalThis as unknown as { L: typeof L }).L = L;

export default L;
