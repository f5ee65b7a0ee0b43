// Placeholder entry point of Mamori's test image; never run.
console.log("mamori test image");
