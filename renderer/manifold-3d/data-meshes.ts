/**
 * The data of the 3-D view as GPU buffers: the decoded grid as a lit surface with its grid lines,
 * the validation images as points, and faint lines from each to its reconstruction.
 *
 * New data (each epoch) are copied into the existing buffers; buffers are allocated again only
 * when a size changes (another image grid or more points), and then their geometry is disposed
 * first (see fitAttributes).
 */
import {
  BufferAttribute,
  BufferGeometry,
  DoubleSide,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshLambertMaterial,
  Points,
  PointsMaterial,
  type Box3,
  type Object3D,
} from 'three';
import type { Factor } from '../../shared/factors';
import type { ManifoldData } from './manifold-data';
import { dotTexture, factorColors, gridLineIndex, surfaceIndex } from './scene-parts';

export class DataMeshes {
  /** The surface, its grid lines, the error lines and the points, in drawing order. */
  readonly objects: readonly Object3D[];
  /** Data updates applied, and buffers (re)allocated for them: the second stays put across epochs. */
  updates = 0;
  allocations = 0;
  private readonly surfaceGeometry = new BufferGeometry();
  private readonly surfaceMaterial = new MeshLambertMaterial({
    vertexColors: true,
    side: DoubleSide,
    polygonOffset: true,
    polygonOffsetFactor: 1,
    polygonOffsetUnits: 1,
  });
  private readonly linesGeometry = new BufferGeometry();
  private readonly linesMaterial = new LineBasicMaterial({
    color: 0x0b0f18,
    transparent: true,
    opacity: 0.55,
  });
  private readonly pointsGeometry = new BufferGeometry();
  private readonly pointsTexture = dotTexture();
  private readonly pointsMaterial = new PointsMaterial({
    size: 6,
    sizeAttenuation: false,
    vertexColors: true,
    map: this.pointsTexture,
    alphaTest: 0.4,
  });
  private readonly errorGeometry = new BufferGeometry();
  private readonly errorMaterial = new LineBasicMaterial({
    color: 0xc8d2e6,
    transparent: true,
    opacity: 0.1,
  });

  constructor() {
    const objects = [
      new Mesh(this.surfaceGeometry, this.surfaceMaterial),
      new LineSegments(this.linesGeometry, this.linesMaterial),
      new LineSegments(this.errorGeometry, this.errorMaterial),
      new Points(this.pointsGeometry, this.pointsMaterial),
    ];
    for (const o of objects) o.frustumCulled = false;
    this.objects = objects;
  }

  /**
   * Shows `data` coloured by `colorBy`, or nothing for null.
   * @returns the surface's bounding box (world units), or null without data
   */
  setData(data: ManifoldData | null, colorBy: Factor): Box3 | null {
    if (!data) {
      for (const g of this.geometries()) g.setDrawRange(0, 0);
      return null;
    }
    this.updates++;
    this.setSurface(data);
    this.setPoints(data);
    this.setColors(data, colorBy);
    return this.surfaceGeometry.boundingBox;
  }

  /** Recolours the surface and the points by another factor (no-op without data). */
  setColors(data: ManifoldData | null, colorBy: Factor): void {
    if (!data) return;
    const surfaceColors = this.surfaceGeometry.getAttribute('color');
    factorColors(data.gridFactors, colorBy, data.perSide * data.perSide, surfaceColors.array as Float32Array);
    surfaceColors.needsUpdate = true;
    const pointColors = this.pointsGeometry.getAttribute('color');
    factorColors(data.pointFactors, colorBy, data.pointCount, pointColors.array as Float32Array);
    pointColors.needsUpdate = true;
  }

  dispose(): void {
    for (const g of this.geometries()) g.dispose();
    for (const m of [this.surfaceMaterial, this.linesMaterial, this.pointsMaterial, this.errorMaterial])
      m.dispose();
    this.pointsTexture.dispose();
  }

  private geometries(): BufferGeometry[] {
    return [this.surfaceGeometry, this.linesGeometry, this.pointsGeometry, this.errorGeometry];
  }

  private setSurface(data: ManifoldData): void {
    const vertices = data.perSide * data.perSide;
    const surface = this.surfaceGeometry;
    if (this.fitAttributes(surface, { position: vertices, color: vertices }, true)) {
      // The grid lines' index goes with the grid's size too, and their position buffer is the surface's.
      if (this.linesGeometry.index) this.linesGeometry.dispose();
      surface.setIndex(new BufferAttribute(surfaceIndex(data.perSide), 1));
      this.linesGeometry.setIndex(new BufferAttribute(gridLineIndex(data.perSide), 1));
      this.linesGeometry.setAttribute('position', surface.getAttribute('position'));
    }
    writeAttribute(surface, 'position', data.gridPositions);
    surface.computeVertexNormals();
    surface.computeBoundingBox();
    surface.setDrawRange(0, Infinity);
    this.linesGeometry.setDrawRange(0, Infinity);
  }

  private setPoints(data: ManifoldData): void {
    const count = data.pointCount;
    this.fitAttributes(this.pointsGeometry, { position: count, color: count }, false);
    writeAttribute(this.pointsGeometry, 'position', data.pointPositions);
    this.pointsGeometry.setDrawRange(0, count);

    const hasRecon = data.reconPositions.length === data.pointPositions.length;
    this.fitAttributes(this.errorGeometry, { position: 2 * count }, false);
    const attribute = this.errorGeometry.getAttribute('position');
    const pairs = attribute.array as Float32Array;
    for (let i = 0; hasRecon && i < count; i++) {
      pairs.set(data.pointPositions.subarray(3 * i, 3 * i + 3), 6 * i);
      pairs.set(data.reconPositions.subarray(3 * i, 3 * i + 3), 6 * i + 3);
    }
    attribute.needsUpdate = true;
    this.errorGeometry.setDrawRange(0, hasRecon ? 2 * count : 0);
  }

  /**
   * Makes each named attribute of `geometry` hold its count of xyz items (exactly, or at least when
   * the draw range limits it); returns true when any had to be (re)allocated.
   */
  private fitAttributes(geometry: BufferGeometry, counts: Record<string, number>, exact: boolean): boolean {
    const stale = Object.entries(counts).filter(([name, count]) => {
      const existing = geometry.getAttribute(name) as BufferAttribute | undefined;
      return !existing || (exact ? existing.count !== count : existing.count < count);
    });
    if (stale.length === 0) return false;
    // Why: three.js frees the GL buffers of a geometry's attributes only when the geometry is
    // disposed; replacing an attribute alone would leak the old one's. The geometry stays usable
    // and uploads its new buffers on the next draw.
    if (stale.some(([name]) => geometry.hasAttribute(name))) geometry.dispose();
    for (const [name, count] of stale) {
      this.allocations++;
      geometry.setAttribute(name, new BufferAttribute(new Float32Array(Math.max(1, count) * 3), 3));
    }
    return true;
  }
}

function writeAttribute(geometry: BufferGeometry, name: string, values: Float32Array): void {
  const attribute = geometry.getAttribute(name) as BufferAttribute;
  (attribute.array as Float32Array).set(values);
  attribute.needsUpdate = true;
}
