// The Snowflake statement grammar's vocabulary (snowflake.ts): property names and, where Snowflake
// enumerates them, their allowed values, so a misspelt property or value fails the content check.

const SIZES = ["XSMALL", "X-SMALL", "SMALL", "MEDIUM", "LARGE", "XLARGE", "X-LARGE", "XXLARGE", "X2LARGE", "2X-LARGE", "XXXLARGE", "X3LARGE", "3X-LARGE", "X4LARGE", "4X-LARGE", "X5LARGE", "5X-LARGE", "X6LARGE", "6X-LARGE"];
export type Values = string[] | "any";
// Property names and, where Snowflake enumerates them, their values (CREATE/ALTER WAREHOUSE, CREATE
// RESOURCE MONITOR, CREATE TABLE / DATABASE, CREATE ICEBERG TABLE in Snowflake's SQL reference).
export const WAREHOUSE: Record<string, Values> = {
  WAREHOUSE_SIZE: SIZES, WAREHOUSE_TYPE: ["STANDARD", "SNOWPARK-OPTIMIZED", "ADAPTIVE"], GENERATION: "any", RESOURCE_CONSTRAINT: "any", MAX_CLUSTER_COUNT: "any", MIN_CLUSTER_COUNT: "any",
  SCALING_POLICY: ["STANDARD", "ECONOMY"], AUTO_SUSPEND: "any", AUTO_RESUME: ["TRUE", "FALSE"], INITIALLY_SUSPENDED: ["TRUE", "FALSE"],
  RESOURCE_MONITOR: "any", COMMENT: "any", ENABLE_QUERY_ACCELERATION: ["TRUE", "FALSE"], QUERY_ACCELERATION_MAX_SCALE_FACTOR: "any",
  MAX_CONCURRENCY_LEVEL: "any", STATEMENT_QUEUED_TIMEOUT_IN_SECONDS: "any", STATEMENT_TIMEOUT_IN_SECONDS: "any",
};
export const MONITOR: Record<string, Values> = {
  CREDIT_QUOTA: "any", FREQUENCY: ["MONTHLY", "DAILY", "WEEKLY", "YEARLY", "NEVER"], START_TIMESTAMP: "any", END_TIMESTAMP: "any", NOTIFY_USERS: "any",
};
export const STORAGE: Record<string, Values> = {
  DATA_RETENTION_TIME_IN_DAYS: "any", MAX_DATA_EXTENSION_TIME_IN_DAYS: "any", CHANGE_TRACKING: ["TRUE", "FALSE"], COMMENT: "any",
  DEFAULT_DDL_COLLATION: "any", ENABLE_SCHEMA_EVOLUTION: ["TRUE", "FALSE"],
};
export const ICEBERG: Record<string, Values> = {
  EXTERNAL_VOLUME: "any", CATALOG: "any", CATALOG_TABLE_NAME: "any", CATALOG_NAMESPACE: "any", BASE_LOCATION: "any",
  METADATA_FILE_PATH: "any", REPLACE_INVALID_CHARACTERS: ["TRUE", "FALSE"], AUTO_REFRESH: ["TRUE", "FALSE"], COMMENT: "any",
};
export const OBJECTS = ["DATABASE", "SCHEMA", "TABLE", "VIEW", "WAREHOUSE", "STAGE", "STREAM", "TASK", "ROLE", "INTEGRATION"];
export const TIME_TRAVEL = ["TIMESTAMP", "OFFSET", "STATEMENT", "STREAM"];
export const TIMESTAMPS = ["TIMESTAMP", "TIMESTAMP_LTZ", "TIMESTAMP_NTZ", "TIMESTAMP_TZ"];
