// Looks up each URL given with Fedify's lookupObject (private addresses allowed: the instance under
// test runs on loopback) and prints one JSON array: what Fedify made of each document.
import { lookupObject } from "@fedify/vocab";
import { getDocumentLoader } from "@fedify/vocab-runtime";

const loader = getDocumentLoader({ allowPrivateAddress: true });
const results = [];
for (const url of process.argv.slice(2)) {
  try {
    const object = await lookupObject(url, { documentLoader: loader, contextLoader: loader, crossOrigin: "throw" });
    const found = { url, found: object != null };
    if (object != null) {
      found.type = object.constructor.name;
      found.id = object.id?.href ?? null;
      if (typeof object.getPublicKey === "function") {
        const key = await object.getPublicKey({ documentLoader: loader, contextLoader: loader });
        found.publicKey = key?.id?.href ?? null;
        found.publicKeyOwner = key?.ownerId?.href ?? null;
        found.inbox = object.inboxId?.href ?? null;
        found.sharedInbox = object.endpoints?.sharedInbox?.href ?? null;
        found.outbox = object.outboxId?.href ?? null;
        found.followers = object.followersId?.href ?? null;
      }
      if ("attributionIds" in object) {
        found.attributedTo = object.attributionIds.map((id) => id.href);
      }
      if ("duration" in object && object.duration != null) {
        found.duration = object.duration.toString();
      }
      found.urls = (object.urls ?? []).map((link) => (link instanceof URL ? link.href : link.href?.href ?? null));
      found.mediaTypes = (object.urls ?? []).map((link) => (link instanceof URL ? null : link.mediaType ?? null));
    }
    results.push(found);
  } catch (error) {
    results.push({ url, found: false, error: String(error?.stack ?? error) });
  }
}
console.log(JSON.stringify(results));
