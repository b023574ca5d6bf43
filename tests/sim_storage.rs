//! PersistentVolumes, claims and StorageClasses: the default class
//! provisions at once, a static volume binds to a claim that fits, an
//! unbound claim keeps its Pod Pending with the scheduler's message,
//! reclaim policies, and data that outlives a Pod (emptyDir data does not).
//! - <https://kubernetes.io/docs/concepts/storage/persistent-volumes/>
//! - <https://kubernetes.io/docs/concepts/storage/storage-classes/>
//! - <https://kubernetes.io/docs/concepts/storage/dynamic-provisioning/>
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/configure-persistent-volume-storage/>
//! - <https://kubernetes.io/docs/concepts/storage/volumes/#emptydir>

#[path = "support/kube.rs"]
mod kube;
use kube::*;
use kubetutor::sim::Cluster;

const CLAIM: &str = r#"
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 2Gi
"#;

#[test]
fn the_cluster_has_a_default_storage_class() {
    let mut c = Cluster::new(1);
    assert_eq!(
        run(&mut c, "get storageclass"),
        "NAME                 PROVISIONER                RECLAIMPOLICY   VOLUMEBINDINGMODE   ALLOWVOLUMEEXPANSION   AGE\nstandard (default)   k8s.io/minikube-hostpath   Delete          Immediate           false                  0s\n"
    );
}

#[test]
fn a_claim_without_a_class_gets_a_volume_from_the_default_one() {
    // dynamic-provisioning#defaulting-behavior
    let mut c = cluster(CLAIM);
    c.advance(2_000);
    let pvc = c
        .store()
        .persistentvolumeclaims()
        .find("default", "data")
        .unwrap();
    let uid = pvc.meta.uid.clone();
    assert_eq!(
        run(&mut c, "get pvc"),
        format!(
            "NAME   STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\ndata   Bound    pvc-{uid}   2Gi        RWO            standard       <unset>                 2s\n"
        )
    );
    let pv = run(&mut c, "get pv");
    assert!(
        pv.contains(&format!(
            "pvc-{uid}   2Gi        RWO            Delete           Bound    default/data   standard       <unset>   "
        )),
        "{pv}"
    );
    // Delete: the provisioned volume goes with its claim.
    run(&mut c, "delete pvc data");
    c.advance(2_000);
    assert_eq!(run(&mut c, "get pv"), "No resources found\n");
}

const STATIC: &str = r#"
apiVersion: v1
kind: PersistentVolume
metadata:
  name: task-pv-volume
  labels:
    type: local
spec:
  storageClassName: manual
  capacity:
    storage: 10Gi
  accessModes:
    - ReadWriteOnce
  hostPath:
    path: "/mnt/data"
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: task-pv-claim
spec:
  storageClassName: manual
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 3Gi
"#;

#[test]
fn a_claim_binds_to_a_static_volume_that_fits_and_retain_keeps_it() {
    // configure-persistent-volume-storage: the 3Gi claim binds the 10Gi
    // volume of its class.
    let mut c = cluster(STATIC);
    c.advance(2_000);
    assert!(
        run(&mut c, "get pvc task-pv-claim").contains(
            "task-pv-claim   Bound    task-pv-volume   10Gi       RWO            manual "
        )
    );
    let describe = run(&mut c, "describe pv task-pv-volume");
    assert!(describe.contains("Annotations:     pv.kubernetes.io/bound-by-controller: yes\n"));
    assert!(describe.contains("Claim:           default/task-pv-claim\n"));
    assert!(describe.contains(
        "Source:\n    Type:          HostPath (bare host directory volume)\n    Path:          /mnt/data\n"
    ));
    // persistent-volumes#retain: the volume stays, Released.
    run(&mut c, "delete pvc task-pv-claim");
    c.advance(2_000);
    assert!(run(&mut c, "get pv").contains(
        "task-pv-volume   10Gi       RWO            Retain           Released   default/task-pv-claim   manual "
    ));
}

#[test]
fn an_unbound_claim_keeps_its_pod_pending() {
    let objects = r#"
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: fast-claim
spec:
  storageClassName: fast
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: waits
spec:
  containers:
  - name: app
    image: nginx:1.27
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: fast-claim
"#;
    let mut c = cluster(objects);
    c.advance(5_000);
    assert_eq!(pod_row(&c, "waits").0, "Pending");
    assert!(events(&c, "waits").contains(&(
        "FailedScheduling".into(),
        "0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.".into()
    )));
    assert!(events(&c, "fast-claim").contains(&(
        "ProvisioningFailed".into(),
        "storageclass.storage.k8s.io \"fast\" not found".into()
    )));
    let describe = run(&mut c, "describe pod waits");
    assert!(describe.contains("Containers:\n  app:\n"), "{describe}");
    assert!(describe.contains(
        "Volumes:\n  data:\n    Type:        PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:   fast-claim\n    ReadOnly:    false\n"
    ), "{describe}");
    // The class appears: the claim is provisioned and the Pod scheduled.
    apply(
        &mut c,
        "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: k8s.io/minikube-hostpath\n",
    );
    until(&mut c, 30_000, |c| pod_row(c, "waits").0 == "Running");
    assert!(run(&mut c, "describe pvc fast-claim").contains("Used By:       waits\n"));
}

#[test]
fn claim_data_outlives_the_pod_and_empty_dir_data_does_not() {
    let pod = r#"
apiVersion: v1
kind: Pod
metadata:
  name: writer
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    volumeMounts:
    - name: data
      mountPath: /data
    - name: scratch
      mountPath: /scratch
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
  - name: scratch
    emptyDir: {}
"#;
    let mut c = cluster(CLAIM);
    apply(&mut c, pod);
    until(&mut c, 30_000, |c| pod_row(c, "writer").0 == "Running");
    run(
        &mut c,
        "exec writer -- sh -c 'echo kept > /data/note; echo lost > /scratch/note'",
    );
    assert_eq!(run(&mut c, "exec writer -- cat /scratch/note"), "lost\n");
    run(&mut c, "delete pod writer --grace-period=0 --force");
    until(&mut c, 10_000, |c| c.pod("default", "writer").is_none());
    apply(&mut c, pod);
    until(&mut c, 30_000, |c| pod_row(c, "writer").0 == "Running");
    assert_eq!(run(&mut c, "exec writer -- cat /data/note"), "kept\n");
    assert_eq!(
        fails(&mut c, "exec writer -- cat /scratch/note"),
        "cat: can't open '/scratch/note': No such file or directory\ncommand terminated with exit code 1\n"
    );
}
