// The UMD entry: the wrapper in rollup.config.mjs passes the host as "OctoPrintClient".
import OctoPrintClient from "OctoPrintClient";
import {register} from "./access";

export default register(OctoPrintClient);
