/** A point as longitude/latitude in degrees. Which datum it is in (WGS-84 or GCJ-02) is said by the name. */
export interface LngLat {
  lng: number;
  lat: number;
}
