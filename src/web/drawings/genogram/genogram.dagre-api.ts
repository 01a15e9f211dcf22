// A typed view of the part of @dagrejs/dagre the genogram uses. dagre 3.1.3 ships declarations, but
// they import their own files without extensions, which NodeNext cannot resolve, so everything
// they export arrives as `any`; these types describe its documented behaviour instead.
import { Graph, layout } from '@dagrejs/dagre';

export interface DagreNode {
  width: number;
  height: number;
  /** Set by us before layout (our fixed ranks), then by dagre. */
  rank?: number;
  x?: number;
  y?: number;
  /** Set on the nodes dagre adds itself (cluster borders, long-edge points). */
  dummy?: string;
}

export interface DagreEdge {
  minlen?: number;
  weight?: number;
}

export interface DagreEdgeRef {
  v: string;
  w: string;
}

export interface DagreGraphLabel {
  rankdir?: 'TB' | 'BT' | 'LR' | 'RL';
  nodesep?: number;
  edgesep?: number;
  ranksep?: number;
  marginx?: number;
  marginy?: number;
  /** dagre calls a function here in place of its own ranker (lib/rank/index.ts). */
  ranker?: (graph: DagreGraph) => void;
  /** Set by dagre for compound graphs: every minimum edge length has been multiplied by it. */
  nodeRankFactor?: number;
}

export interface DagreGraph {
  setGraph(label: DagreGraphLabel): unknown;
  graph(): DagreGraphLabel;
  setDefaultEdgeLabel(make: () => DagreEdge): unknown;
  setNode(id: string, label: DagreNode): unknown;
  setParent(id: string, parent: string): unknown;
  setEdge(v: string, w: string, label: DagreEdge): unknown;
  nodes(): string[];
  node(id: string): DagreNode;
  edge(ref: DagreEdgeRef): DagreEdge;
  inEdges(id: string): DagreEdgeRef[] | undefined;
  outEdges(id: string): DagreEdgeRef[] | undefined;
}

/** Node `left` is to be placed left of node `right` in their row. */
export interface OrderConstraint {
  left: string;
  right: string;
}

export const newDagreGraph = (): DagreGraph => {
  const Ctor = Graph as unknown as new (options: { compound: boolean; multigraph: boolean }) => DagreGraph;
  return new Ctor({ compound: true, multigraph: false });
};

export const dagreLayout = layout as unknown as (graph: DagreGraph, options?: { constraints?: OrderConstraint[] }) => void;
