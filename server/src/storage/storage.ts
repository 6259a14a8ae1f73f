/** Where uploaded media live. Local disk by default; object storage comes as another driver. */
export interface Storage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
  /**
   * A URL anyone holding it may GET for `expiresInSeconds` (object storage signs its own, e.g.
   * OSS signatureUrlV4). Drivers without one (local disk) are reached through this server's
   * signed route instead (routes/signedMedia): that is how WeChat fetches media to check them.
   */
  temporaryUrl?(key: string, expiresInSeconds: number): Promise<string>;
}
