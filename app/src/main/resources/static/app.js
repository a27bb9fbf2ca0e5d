// Accord's page script. Pages work without it; it adds checks a reader can run in the browser.
"use strict";

// RFC 9162 §2.1.3.2: recompute the tree root from a leaf hash and its inclusion proof, so the
// reader need not take the server's word that the entry is in the cosigned checkpoint.
async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
}

function concat(prefix, a, b) {
  const out = new Uint8Array(1 + a.length + (b ? b.length : 0));
  out[0] = prefix;
  out.set(a, 1);
  if (b) out.set(b, 1 + a.length);
  return out;
}

function fromBase64(s) {
  return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
}

async function rootFromInclusion(leaf, index, size, proof) {
  if (index >= size) throw new Error("index out of range");
  let fn = index;
  let sn = size - 1n;
  let r = await sha256(concat(0x00, leaf));
  for (const p of proof) {
    if (sn === 0n) throw new Error("proof too long");
    if ((fn & 1n) === 1n || fn === sn) {
      r = await sha256(concat(0x01, p, r));
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = await sha256(concat(0x01, r, p));
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) throw new Error("proof too short");
  return r;
}

async function checkProof(box) {
  const result = box.querySelector("#proof-result");
  if (!window.crypto || !crypto.subtle) {
    result.textContent = box.dataset.unavailable;
    return;
  }
  try {
    const proof = box.dataset.proof ? box.dataset.proof.split(" ").map(fromBase64) : [];
    const root = await rootFromInclusion(fromBase64(box.dataset.note), BigInt(box.dataset.index),
      BigInt(box.dataset.size), proof);
    const want = fromBase64(box.dataset.root);
    const ok = root.length === want.length && root.every((b, i) => b === want[i]);
    result.textContent = ok ? box.dataset.ok : box.dataset.bad;
    result.className = "ms-2 " + (ok ? "proof-ok" : "proof-bad");
    box.dataset.verified = ok ? "yes" : "no";
  } catch (e) {
    result.textContent = box.dataset.bad;
    result.className = "ms-2 proof-bad";
    box.dataset.verified = "no";
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("proof-check");
  if (box) {
    box.querySelector("#proof-button").addEventListener("click", () => checkProof(box));
    checkProof(box);
  }
});
