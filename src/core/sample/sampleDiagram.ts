/** The sample's network zone diagram: zones as boxes, conduits as lines. */
import { pngDiagram, type DiagramBox, type DiagramLine, type Rgb } from './sampleFiles';

/** The plant's zones and conduits, as a picture for the network drawing evidence. */
export function zoneDiagram(): Uint8Array {
  const grey: Rgb = [200, 204, 210];
  const amber: Rgb = [250, 214, 120];
  const blue: Rgb = [150, 190, 235];
  const green: Rgb = [160, 215, 160];
  const orange: Rgb = [245, 170, 110];
  const red: Rgb = [200, 40, 40];
  const ink: Rgb = [40, 48, 60];
  const box = (x: number, y: number, w: number, h: number, fill: Rgb): DiagramBox => ({ x, y, w, h, fill, border: ink });
  const boxes: DiagramBox[] = [
    box(160, 20, 320, 60, grey), // enterprise network
    box(200, 120, 240, 50, amber), // industrial DMZ
    box(120, 210, 400, 70, blue), // SCADA zone: servers, historian, engineering workstations
    box(60, 330, 200, 60, green), // filtration cell
    box(380, 330, 200, 60, green), // chlorination cell
    box(540, 210, 80, 70, orange), // telemetry to pump stations
  ];
  // Firewalls: small red blocks where conduits cross zone boundaries.
  for (const [x, y] of [
    [314, 96],
    [314, 186],
    [154, 300],
    [474, 300],
    [524, 240],
  ] as const)
    boxes.push({ x, y, w: 12, h: 12, fill: red });
  const conduit = (from: readonly [number, number], to: readonly [number, number]): DiagramLine => ({ from, to, colour: ink, width: 3 });
  const lines: DiagramLine[] = [
    conduit([320, 80], [320, 120]),
    conduit([320, 170], [320, 210]),
    conduit([160, 280], [160, 330]),
    conduit([480, 280], [480, 330]),
    conduit([520, 246], [540, 246]),
  ];
  return pngDiagram(640, 410, [255, 255, 255], boxes, lines);
}
