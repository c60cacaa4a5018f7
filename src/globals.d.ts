// The host module the UMD wrapper passes in: AMD's "OctoPrintClient", or window.OctoPrintClient.
declare module "OctoPrintClient" {
    const OctoPrintClient: import("./host").HostConstructor | undefined;
    export default OctoPrintClient;
}
