import { NextResponse } from "next/server";
import { handlePost } from "@/lib/http";
import { linkBody } from "@/lib/learner/dto";
import { linkThisBrowser } from "@/lib/learner/current";

export const dynamic = "force-dynamic";

export const POST = handlePost(linkBody, async ({ secret }) => NextResponse.json(await linkThisBrowser(secret)));
