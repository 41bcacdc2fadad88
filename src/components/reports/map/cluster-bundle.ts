/** leaflet.markercluster (extends the global L, so it loads after leaflet-bundle.ts has run). */
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
