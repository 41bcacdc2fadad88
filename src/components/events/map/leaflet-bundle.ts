/**
 * Leaflet and its stylesheet, in a chunk of its own that event pages load only when a map comes into view
 * (Leaflet touches `window` on import, so it is never imported at build time or in a page's first script).
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

export default L;
