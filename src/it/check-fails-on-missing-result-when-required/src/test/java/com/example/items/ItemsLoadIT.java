package com.example.items;

/** Stands for the load test whose baseline is committed; it is compiled but not run in this build. */
class ItemsLoadIT {
}
