/**
 * A protobuf wire-format reader written for the tests, independent of the adapter's
 * codec: every field as [number, value], varints as bigint, length-delimited as bytes.
 */
export function readFields(buf: Buffer): [number, bigint | Buffer][] {
  const out: [number, bigint | Buffer][] = [];
  let at = 0;
  const varint = () => {
    let v = 0n;
    for (let s = 0n; ; s += 7n) {
      const b = buf[at++];
      v += BigInt(b & 0x7f) << s;
      if (!(b & 0x80)) return v;
    }
  };
  while (at < buf.length) {
    const tag = Number(varint());
    if ((tag & 7) === 0) out.push([tag >> 3, varint()]);
    else if ((tag & 7) === 2) {
      const len = Number(varint());
      out.push([tag >> 3, buf.subarray(at, (at += len))]);
    } else throw new Error(`wire type ${tag & 7}`);
  }
  return out;
}

/** The key/value pairs of an encoded CommApiData, in order, values as the text they carry. */
export function openApiPairs(requestData: Buffer): [string, string][] {
  const [openapiData] = readFields(requestData).filter(([no]) => no === 2);
  return readFields(openapiData[1] as Buffer).map(([, pair]) => {
    const f = new Map(readFields(pair as Buffer).map(([no, v]) => [no, (v as Buffer).toString('utf8')]));
    return [f.get(1)!, f.get(2)!];
  });
}
