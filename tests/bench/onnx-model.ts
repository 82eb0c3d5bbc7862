// A minimal protobuf writer, enough to build one-operator ONNX models (Conv, MaxPool, Gemm)
// in code for the benchmark, without an ONNX toolchain. Field numbers are onnx.proto3's.

type Field = number | bigint | string | Uint8Array | Field[] | { message: Uint8Array };

class Writer {
  private bytes: number[] = [];

  varint(value: number | bigint): this {
    let v = BigInt.asUintN(64, BigInt(value));
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v > 0n) byte |= 0x80;
      this.bytes.push(byte);
    } while (v > 0n);
    return this;
  }

  /** Wire type 0 (varint) or 2 (length-delimited: bytes, strings, messages). */
  field(number: number, value: number | bigint | string | Uint8Array): this {
    if (typeof value === 'number' || typeof value === 'bigint')
      return this.varint(number << 3).varint(value);
    const data = typeof value === 'string' ? new TextEncoder().encode(value) : value;
    this.varint((number << 3) | 2).varint(data.length);
    for (const b of data) this.bytes.push(b);
    return this;
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

/** A message from `[fieldNumber, value]` pairs; an array value repeats the field. */
function message(fields: [number, Field][]): Uint8Array {
  const w = new Writer();
  for (const [number, value] of fields) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (Array.isArray(v)) throw new Error('nested repeats are not supported');
      w.field(number, typeof v === 'object' && 'message' in v ? v.message : v);
    }
  }
  return w.finish();
}

const FLOAT = 1;

/** ValueInfoProto of a float tensor. */
function valueInfo(name: string, dims: number[]): Uint8Array {
  const shape = message([[1, dims.map((d) => ({ message: message([[1, d]]) }))]]);
  const tensorType = message([
    [1, FLOAT],
    [2, { message: shape }],
  ]);
  return message([
    [1, name],
    [2, { message: message([[1, { message: tensorType }]]) }],
  ]);
}

/** TensorProto with float data as raw little-endian bytes. */
function initializer(name: string, dims: number[], data: Float32Array): Uint8Array {
  return message([
    [1, dims],
    [2, FLOAT],
    [8, name],
    [9, new Uint8Array(data.buffer, data.byteOffset, data.byteLength)],
  ]);
}

/** AttributeProto: INTS (type 7) or INT (type 2). */
function attribute(name: string, value: number[] | number): Uint8Array {
  return Array.isArray(value)
    ? message([
        [1, name],
        [20, 7],
        [8, value],
      ])
    : message([
        [1, name],
        [20, 2],
        [3, value],
      ]);
}

export interface OnnxOp {
  opType: 'Conv' | 'MaxPool' | 'Gemm';
  input: { name: string; dims: number[] };
  output: { name: string; dims: number[] };
  weights: { name: string; dims: number[]; data: Float32Array }[];
  attributes: Record<string, number[] | number>;
}

/** A serialized ModelProto (IR 8, opset 13) holding one node. */
export function onnxModel(op: OnnxOp): Uint8Array {
  const node = message([
    [1, [op.input.name, ...op.weights.map((w) => w.name)]],
    [2, op.output.name],
    [3, 'op'],
    [4, op.opType],
    [5, Object.entries(op.attributes).map(([k, v]) => ({ message: attribute(k, v) }))],
  ]);
  const graph = message([
    [1, { message: node }],
    [2, 'bench'],
    [5, op.weights.map((w) => ({ message: initializer(w.name, w.dims, w.data) }))],
    [11, { message: valueInfo(op.input.name, op.input.dims) }],
    [12, { message: valueInfo(op.output.name, op.output.dims) }],
  ]);
  const opset = message([
    [1, ''],
    [2, 13],
  ]);
  return message([
    [1, 8],
    [8, { message: opset }],
    [7, { message: graph }],
  ]);
}
