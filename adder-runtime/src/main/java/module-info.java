/**
 * neural-adder's runtime: learned arithmetic through ONNX Runtime, every model's proof checked at
 * load. Users reach the facades and the builder ({@code io.neuraladder}) and the public types of
 * {@code io.neuraladder.api}; loading, engines, composition and the proof kernel stay inside.
 */
module io.neuraladder.runtime {
    requires transitive io.neuraladder.api;
    requires com.microsoft.onnxruntime;
    requires org.tribuo.util.onnx;
    requires com.google.protobuf;
    requires org.slf4j;

    exports io.neuraladder;
}
